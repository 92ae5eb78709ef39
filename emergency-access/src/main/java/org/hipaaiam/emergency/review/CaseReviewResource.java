package org.hipaaiam.emergency.review;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.hipaaiam.core.account.EmployeeNumber;
import org.hipaaiam.core.api.ApiRequest;
import org.hipaaiam.core.api.AuditEvents;
import org.hipaaiam.core.api.Caller;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.emergency.BreakGlassEvents;
import org.hipaaiam.emergency.cases.BreakGlassCaseEntity;
import org.hipaaiam.emergency.cases.BreakGlassCases;
import org.hipaaiam.emergency.cases.CaseStatus;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * `/realms/{realm}/hipaa-break-glass/cases`: the Privacy Office's review (realm role `privacy-officer` only).
 * `GET ?status=open|overdue|justified|approved|rejected`, `GET {id}`, `POST {id}/decision {"decision":
 * "approve"|"reject", "notes"}`, `GET export?from=&to=&format=csv|json`.
 */
public final class CaseReviewResource {

    public static final String ROLE = "privacy-officer";

    private final KeycloakSession session;
    private final RealmModel realm;

    public CaseReviewResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status) {
        return answer("cases", caller -> {
            long now = Time.currentTime();
            CaseStatus wanted = status == null ? null : CaseStatus.parse(status.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> Refusal.invalid("status must be open, overdue, justified, approved or rejected"));
            return cases().all().stream()
                    .filter(c -> wanted == null || CaseStatus.of(c, now) == wanted)
                    .map(c -> CaseRecord.of(c, now)).toList();
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response one(@PathParam("id") String id) {
        return answer("cases/{id}", caller -> CaseRecord.of(find(id), Time.currentTime()));
    }

    /** Any media type reaches the method, so that a body that is not JSON is refused and audited inside it. */
    @POST
    @Path("{id}/decision")
    @Produces(MediaType.APPLICATION_JSON)
    public Response decide(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return answer("cases/{id}/decision", caller -> {
            BreakGlassCaseEntity reviewed = find(id);
            ReviewDecision decision = ReviewDecision.parse(contentType, body);
            if (reviewed.getDecision() != null) {
                throw Refusal.conflict("already_reviewed", "the case was already " + reviewed.getDecision());
            }
            // the person, not the account: an officer's adm- account shares her employee number
            if (caller.user().getId().equals(reviewed.getUserId())
                    || EmployeeNumber.samePerson(caller.user(), session.users().getUserById(realm, reviewed.getUserId()))) {
                throw Refusal.forbidden("nobody reviews their own break-glass case");
            }
            long now = Time.currentTime();
            reviewed.setDecision(decision.outcome());
            reviewed.setReviewNotes(decision.notes());
            reviewed.setReviewer(caller.user().getUsername());
            reviewed.setReviewedAt(now);
            AuditEvents.event(session, realm, EventType.EXECUTE_ACTIONS, BreakGlassEvents.REVIEWED)
                    .user(caller.user())
                    .detail("case_id", reviewed.getId())
                    .detail("case_user", reviewed.getUsername())
                    .detail("decision", reviewed.getDecision())
                    .success();
            return CaseRecord.of(reviewed, now);
        });
    }

    @GET
    @Path("export")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        return answer("cases/export", caller -> {
            Period period = Period.parse(from, to);
            String chosen = format == null ? "json" : format.toLowerCase(Locale.ROOT);
            if (!chosen.equals("json") && !chosen.equals("csv")) {
                throw Refusal.invalid("format must be csv or json");
            }
            long now = Time.currentTime();
            List<CaseRecord> records = cases().startedBetween(period.from(), period.to()).stream()
                    .map(c -> CaseRecord.of(c, now)).toList();
            if (chosen.equals("csv")) {
                return Response.ok(CsvExport.of(records), "text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"break-glass-cases.csv\"").build();
            }
            return records;
        });
    }

    private BreakGlassCaseEntity find(String id) {
        return cases().byId(id).orElseThrow(() -> Refusal.notFound("no break-glass case with that id"));
    }

    private BreakGlassCases cases() {
        return new BreakGlassCases(session, realm);
    }

    private Response answer(String path, Function<Caller, Object> endpoint) {
        return new ApiRequest(session, BundleApi.BREAK_GLASS).answer(path, caller -> endpoint.apply(caller.requireRealmRole(ROLE)));
    }
}
