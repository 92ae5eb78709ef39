package org.hipaaiam.emergency.justification;

import org.hipaaiam.emergency.EmergencyActionFactory;
import org.hipaaiam.emergency.cases.BreakGlassCases;

/** Registers the justification action `hipaa-break-glass-justify`. */
public final class JustifyActionFactory extends EmergencyActionFactory {

    private static final JustifyAction ACTION = new JustifyAction();

    public JustifyActionFactory() {
        super(BreakGlassCases.JUSTIFY_ACTION, "Justify break-the-glass access", session -> ACTION);
    }
}
