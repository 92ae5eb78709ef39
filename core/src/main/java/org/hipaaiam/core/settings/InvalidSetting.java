package org.hipaaiam.core.settings;

/** A value a setting cannot take, with the reason (never the value itself: it may be a secret). */
public final class InvalidSetting extends IllegalArgumentException {

    private final Setting<?> setting;

    InvalidSetting(Setting<?> setting, String reason) {
        super(setting.key() + " " + reason);
        this.setting = setting;
    }

    public Setting<?> setting() {
        return setting;
    }
}
