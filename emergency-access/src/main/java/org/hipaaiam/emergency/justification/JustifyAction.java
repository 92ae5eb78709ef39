package org.hipaaiam.emergency.justification;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.emergency.BreakGlassEvents;
import org.hipaaiam.emergency.LinkableAction;
import org.hipaaiam.emergency.cases.BreakGlassCaseEntity;
import org.hipaaiam.emergency.cases.BreakGlassCases;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;

/**
 * Asks the user to justify each break-glass elevation. Set at the first sign-in after an elevation (a new
 * session), and linkable by apps as `kc_action=hipaa-break-glass-justify`. Page text is escaped by the
 * theme's HTML auto-escaping; the justification is stored exactly as typed. Cases exist only in realms that
 * enable the bundle's policies, so other realms' sign-ins are not asked.
 */
final class JustifyAction implements LinkableAction {

    static final String FORM = "hipaa-break-glass-justify.ftl";

    /** Elevations from earlier sessions wait for a justification: ask now, not in the middle of the emergency. */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (!BundleScope.policiesApply(context.getRealm())) {
            return;
        }
        String currentSession = context.getAuthenticationSession().getParentSession().getId();
        boolean fromEarlierSession = cases(context).unjustifiedOf(context.getUser().getId()).stream()
                .anyMatch(open -> !currentSession.equals(open.getSessionId()));
        if (fromEarlierSession) {
            context.getUser().addRequiredAction(BreakGlassCases.JUSTIFY_ACTION);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        List<BreakGlassCaseEntity> open = cases(context).unjustifiedOf(context.getUser().getId());
        if (open.isEmpty() && context.getAuthenticationSession().getClientNote("kc_action") == null) {
            context.success();
            return;
        }
        context.challenge(page(context, open, null, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        BreakGlassCases cases = cases(context);
        List<BreakGlassCaseEntity> open = cases.unjustifiedOf(context.getUser().getId());
        if (open.isEmpty()) {
            context.success();
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String caseId = form.getFirst("caseId");
        Optional<BreakGlassCaseEntity> target = open.stream().filter(c -> c.getId().equals(caseId)).findFirst();
        String text = form.getFirst("justification");
        String problem = target.isEmpty() ? "no open break-glass case of this user has that id" : Justification.problemWith(text);
        if (problem != null) {
            context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                    .detail(AuditDetails.HIPAA_EVENT, BreakGlassEvents.INVALID_REQUEST)
                    .detail("custom_required_action", BreakGlassCases.JUSTIFY_ACTION)
                    .detail(AuditDetails.REASON, problem)
                    .error("invalid_justification");
            context.challenge(page(context, open, "hipaaJustificationInvalid", text));
            return;
        }
        BreakGlassCaseEntity justified = target.get();
        justified.setJustification(text.strip());
        justified.setJustifiedAt((long) Time.currentTime());
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(AuditDetails.HIPAA_EVENT, BreakGlassEvents.JUSTIFIED)
                .detail("custom_required_action", BreakGlassCases.JUSTIFY_ACTION)
                .detail("case_id", justified.getId())
                .success();
        List<BreakGlassCaseEntity> remaining = cases.unjustifiedOf(context.getUser().getId()).stream()
                .filter(c -> !c.getId().equals(justified.getId())).toList();
        if (remaining.isEmpty()) {
            context.success();
        } else {
            context.challenge(page(context, remaining, null, null));
        }
    }

    private static BreakGlassCases cases(RequiredActionContext context) {
        return new BreakGlassCases(context.getSession(), context.getRealm());
    }

    private static jakarta.ws.rs.core.Response page(RequiredActionContext context, List<BreakGlassCaseEntity> open, String error, String text) {
        var form = context.form()
                .setAttribute("openCases", open.stream().map(CaseView::of).toList())
                .setAttribute("awaitingReview", cases(context).awaitingReviewOf(context.getUser().getId()).stream().map(CaseView::of).toList())
                .setAttribute("justification", text == null ? "" : text);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(FORM);
    }
}
