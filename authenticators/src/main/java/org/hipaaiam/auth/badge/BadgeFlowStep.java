package org.hipaaiam.auth.badge;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.hipaaiam.auth.vocabulary.BadgeEvents;
import org.hipaaiam.auth.workstation.FastUserSwitch;
import org.hipaaiam.core.provider.FlowStep;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.core.vocabulary.SessionNotes;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;

/**
 * A page of the badge flow: needs no user beforehand (the tap finds one), nothing to configure per user. Badge
 * sign-in is a policy of the realms that enable the bundle's policies ({@link BundleScope}); in any other realm
 * the step shows no page, reads no form and signs nobody in, even where the bundle's flow is bound.
 */
public abstract class BadgeFlowStep extends FlowStep {

    private final String template;
    private final String startOver;

    /** `template`: the step's page; `startOver`: the form field of its button back to the start of sign-in. */
    protected BadgeFlowStep(String template, String startOver) {
        this.template = template;
        this.startOver = startOver;
    }

    @Override
    public final void authenticate(AuthenticationFlowContext context) {
        if (!offered(context)) {
            return;
        }
        if (appliesTo(context)) {
            context.challenge(page(context, null));
        } else {
            context.attempted();
        }
    }

    /** Whether this sign-in gets the step's page; when not, the step is only attempted (the flow's next alternative runs). */
    protected boolean appliesTo(AuthenticationFlowContext context) {
        return true;
    }

    @Override
    public final void action(AuthenticationFlowContext context) {
        if (!offered(context)) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(startOver)) {
            startingOver(context);
            context.resetFlow();
            return;
        }
        submitted(context, form);
    }

    /** Before sign-in starts over from the page's button; nothing by default. */
    protected void startingOver(AuthenticationFlowContext context) {
    }

    /** What the step does with its page's form. */
    protected abstract void submitted(AuthenticationFlowContext context, MultivaluedMap<String, String> form);

    /** The step's page, with the theme message `error` when not null. */
    protected abstract Response page(AuthenticationFlowContext context, String error);

    /** The step's page filled in by `form`, with the theme message `error` when not null. */
    protected final Response render(LoginFormsProvider form, String error) {
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(template);
    }

    /**
     * The badge sign-in's second factor succeeded: at a workstation the session of whoever signed in there before
     * is handed over or ended (fast user switching), and the sign-in is recorded as a badge sign-in.
     */
    protected static void signedIn(AuthenticationFlowContext context) {
        String workstation = context.getAuthenticationSession().getUserSessionNotes().get(SessionNotes.WORKSTATION_ID);
        if (workstation != null) {
            FastUserSwitch.takeOver(context.getSession(), context.getRealm(), context.getConnection(), workstation, context.getUser(),
                    context.getAuthenticationSession().getParentSession().getId(), context.getAuthenticationSession().getProtocol())
                    .ifPresent(context::attachUserSession);
            context.getEvent().detail(BadgeEvents.WORKSTATION, workstation);
        }
        context.getEvent().detail(AuditDetails.HIPAA_EVENT, BadgeEvents.SIGN_IN);
        context.success();
    }

    /** Outside the bundle's realms the step is only attempted: it authenticated nobody, so the flow cannot succeed through it. */
    private static boolean offered(AuthenticationFlowContext context) {
        if (BundleScope.policiesApply(context.getRealm())) {
            return true;
        }
        context.attempted();
        return false;
    }
}
