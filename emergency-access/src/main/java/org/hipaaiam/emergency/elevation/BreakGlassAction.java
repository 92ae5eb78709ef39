package org.hipaaiam.emergency.elevation;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.emergency.BreakGlassEvents;
import org.hipaaiam.emergency.BreakGlassSettings;
import org.hipaaiam.emergency.LinkableAction;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;

/**
 * Break-the-glass as an application-initiated action (`kc_action=hipaa-break-glass`): drives the form and leaves
 * the decision and the elevation to {@link ElevationService}. Keycloak sends the user through the realm's browser
 * flow first unless the last authentication is at most `reauthMaxAgeSeconds` old (default 0: always). The form
 * asks for a reason code and a written reason; the app may pass `hipaa_context` (e.g. a patient or resource id).
 */
final class BreakGlassAction implements LinkableAction {

    static final String CONTEXT_PARAM = "hipaa_context";
    static final String FORM = "hipaa-break-glass.ftl";

    @Override
    public int getMaxAuthAge(KeycloakSession session) {
        return Math.toIntExact(BreakGlassSettings.of(session, session.getContext().getRealm()).reauthMaxAgeSeconds());
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Only ever requested by an application or the user; never set automatically.
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        ElevationService elevations = new ElevationService(context.getSession(), context.getRealm());
        if (!refused(context, elevations)) {
            context.challenge(form(context, elevations.settings(), null, null, null));
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        ElevationService elevations = new ElevationService(context.getSession(), context.getRealm());
        if (refused(context, elevations)) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        ElevationRequest request;
        try {
            request = ElevationRequest.parse(form.getFirst("reasonCode"), form.getFirst("reason"), appContext(context),
                    elevations.settings().reasonCodes());
        } catch (ElevationRequest.Invalid invalid) {
            context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                    .detail(AuditDetails.HIPAA_EVENT, BreakGlassEvents.INVALID_REQUEST)
                    .detail("custom_required_action", BreakGlassActionFactory.ID)
                    .detail(AuditDetails.REASON, invalid.getMessage())
                    .error("invalid_break_glass_request");
            context.challenge(form(context, elevations.settings(), invalid.messageKey(), form.getFirst("reasonCode"), form.getFirst("reason")));
            return;
        }
        elevations.elevate(context.getAuthenticationSession(), context.getUser(), request, context.getEvent().clone());
        context.success();
    }

    /** Ends the action with `access_denied` when this sign-in may not break the glass. */
    private static boolean refused(RequiredActionContext context, ElevationService elevations) {
        Optional<String> refusal = elevations.refusal(context.getAuthenticationSession(), context.getUser());
        refusal.ifPresent(reason -> {
            elevations.refuse(context.getEvent().clone(), reason);
            context.failure("break_glass_refused");
        });
        return refusal.isPresent();
    }

    private static String appContext(RequiredActionContext context) {
        return context.getAuthenticationSession().getClientNote(AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + CONTEXT_PARAM);
    }

    private static Response form(RequiredActionContext context, BreakGlassSettings settings, String error, String reasonCode, String reason) {
        var form = context.form()
                .setAttribute("reasonCodes", settings.reasonCodes())
                .setAttribute("selectedReasonCode", reasonCode == null ? "" : reasonCode)
                .setAttribute("reason", reason == null ? "" : reason)
                .setAttribute("appContext", Optional.ofNullable(appContext(context)).orElse(""))
                .setAttribute("elevationMinutes", settings.elevationSeconds() / 60);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(FORM);
    }
}
