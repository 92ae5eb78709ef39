package org.hipaaiam.biometric.metadata;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import com.webauthn4j.data.AuthenticatorAttestationType;
import com.webauthn4j.metadata.data.MetadataBLOBPayload;
import com.webauthn4j.metadata.data.MetadataBLOBPayloadEntry;
import com.webauthn4j.metadata.data.statement.MetadataStatement;
import com.webauthn4j.metadata.data.toc.AuthenticatorStatus;
import com.webauthn4j.metadata.data.toc.StatusReport;

/**
 * The entries of a BLOB whose signature and chain were checked ({@link MetadataBlobFile}), and the decision per
 * model. Strict by design: a model must be FIDO certified now, must never have been reported compromised, revoked
 * or able to bypass user verification, and must name attestation roots of its own; metadata past its `nextUpdate`
 * admits nothing (the FIDO service promises a new BLOB by then, so an older one may hide a revocation).
 */
public final class TrustedMetadata {

    /** Once reported, these disqualify a model for good: a later status report does not undo a compromise. */
    private static final Set<AuthenticatorStatus> DISQUALIFYING = EnumSet.of(AuthenticatorStatus.REVOKED,
            AuthenticatorStatus.USER_VERIFICATION_BYPASS, AuthenticatorStatus.ATTESTATION_KEY_COMPROMISE,
            AuthenticatorStatus.USER_KEY_REMOTE_COMPROMISE, AuthenticatorStatus.USER_KEY_PHYSICAL_COMPROMISE);
    private static final Set<AuthenticatorStatus> CERTIFIED = EnumSet.of(AuthenticatorStatus.FIDO_CERTIFIED,
            AuthenticatorStatus.FIDO_CERTIFIED_L1, AuthenticatorStatus.FIDO_CERTIFIED_L1_PLUS,
            AuthenticatorStatus.FIDO_CERTIFIED_L2, AuthenticatorStatus.FIDO_CERTIFIED_L2_PLUS,
            AuthenticatorStatus.FIDO_CERTIFIED_L3, AuthenticatorStatus.FIDO_CERTIFIED_L3_PLUS);

    private final int number;
    private final LocalDate nextUpdate;
    private final Map<UUID, MetadataBLOBPayloadEntry> byAaguid;

    private TrustedMetadata(int number, LocalDate nextUpdate, Map<UUID, MetadataBLOBPayloadEntry> byAaguid) {
        this.number = number;
        this.nextUpdate = nextUpdate;
        this.byAaguid = Map.copyOf(byAaguid);
    }

    static TrustedMetadata of(MetadataBLOBPayload payload) throws MetadataUnavailable {
        if (payload.getNo() == null || payload.getNextUpdate() == null || payload.getEntries() == null) {
            throw new MetadataUnavailable("the FIDO metadata BLOB lacks its number, nextUpdate or entries");
        }
        Map<UUID, MetadataBLOBPayloadEntry> byAaguid = new HashMap<>();
        for (MetadataBLOBPayloadEntry entry : payload.getEntries()) {
            if (entry.getAaguid() != null) {
                byAaguid.put(entry.getAaguid().getValue(), entry);
            }
        }
        return new TrustedMetadata(payload.getNo(), payload.getNextUpdate(), byAaguid);
    }

    /** The BLOB's serial number: it only grows, so a file older than the one in use can be told and refused. */
    public int number() {
        return number;
    }

    public LocalDate nextUpdate() {
        return nextUpdate;
    }

    /** Past `nextUpdate`: a newer BLOB exists, which may revoke models this one admits. */
    public boolean staleOn(LocalDate today) {
        return today.isAfter(nextUpdate);
    }

    /** The decision for the model `aaguid` on `today`, from this BLOB alone. */
    public ModelVerdict verdict(UUID aaguid, LocalDate today) {
        if (staleOn(today)) {
            return new ModelVerdict.Refused("the FIDO metadata is out of date (next update was due " + nextUpdate + ")");
        }
        MetadataBLOBPayloadEntry entry = byAaguid.get(aaguid);
        if (entry == null || entry.getMetadataStatement() == null) {
            return new ModelVerdict.Refused("the authenticator model " + aaguid + " is not in the FIDO metadata");
        }
        List<StatusReport> reports = entry.getStatusReports() == null ? List.of() : entry.getStatusReports().stream()
                .filter(report -> report.getStatus() != null)
                .filter(report -> report.getEffectiveDate() == null || !report.getEffectiveDate().isAfter(today))
                .sorted(Comparator.comparing(TrustedMetadata::effective))
                .toList();
        Optional<AuthenticatorStatus> disqualified = reports.stream().map(StatusReport::getStatus)
                .filter(DISQUALIFYING::contains).findFirst();
        if (disqualified.isPresent()) {
            return new ModelVerdict.Refused("the authenticator model " + aaguid + " is reported "
                    + disqualified.get().getValue());
        }
        Optional<AuthenticatorStatus> certification = reports.stream().map(StatusReport::getStatus)
                .filter(status -> CERTIFIED.contains(status) || status == AuthenticatorStatus.NOT_FIDO_CERTIFIED
                        || status == AuthenticatorStatus.SELF_ASSERTION_SUBMITTED)
                .reduce((earlier, later) -> later);
        if (certification.isEmpty() || !CERTIFIED.contains(certification.get())) {
            return new ModelVerdict.Refused("the authenticator model " + aaguid + " is not FIDO certified");
        }
        MetadataStatement statement = entry.getMetadataStatement();
        if (statement.getAttestationRootCertificates() == null || statement.getAttestationRootCertificates().isEmpty()) {
            return new ModelVerdict.Refused("the metadata of model " + aaguid + " names no attestation root");
        }
        if (statement.getAttestationTypes() == null || !statement.getAttestationTypes().contains(AuthenticatorAttestationType.BASIC_FULL)) {
            return new ModelVerdict.Refused("the model " + aaguid + " has no full basic attestation");
        }
        return new ModelVerdict.Admitted(new AuthenticatorModel(aaguid, statement.getDescription(), number,
                certification.get(), statement.getAttestationRootCertificates(),
                UserVerification.of(statement.getUserVerificationDetails())));
    }

    private static LocalDate effective(StatusReport report) {
        return report.getEffectiveDate() == null ? LocalDate.MIN : report.getEffectiveDate();
    }
}
