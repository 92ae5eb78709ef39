package org.hipaaiam.events.audit.record;

import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/** Maps Keycloak's user and admin events onto OCSF classes and activities. */
public final class EventClassifier {

    private EventClassifier() {
    }

    public static Activity of(EventType type) {
        String name = type.name().replace("_ERROR", "");
        return switch (name) {
            case "LOGIN", "CLIENT_LOGIN", "IDENTITY_PROVIDER_LOGIN", "IDENTITY_PROVIDER_FIRST_LOGIN", "USER_DISABLED_BY_PERMANENT_LOCKOUT",
                    "USER_DISABLED_BY_TEMPORARY_LOCKOUT" -> new Activity(OcsfClass.AUTHENTICATION, 1, "Logon");
            case "LOGOUT" -> new Activity(OcsfClass.AUTHENTICATION, 2, "Logoff");
            case "CODE_TO_TOKEN", "REFRESH_TOKEN", "TOKEN_EXCHANGE", "INTROSPECT_TOKEN", "CLIENT_INITIATED_ACCOUNT_LINKING",
                    "OAUTH2_DEVICE_CODE_TO_TOKEN", "AUTHREQID_TO_TOKEN", "PERMISSION_TOKEN" ->
                    new Activity(OcsfClass.AUTHENTICATION, 3, "Authentication Ticket");
            case "REGISTER" -> new Activity(OcsfClass.ACCOUNT_CHANGE, 1, "Create");
            case "UPDATE_PASSWORD", "UPDATE_CREDENTIAL" -> new Activity(OcsfClass.ACCOUNT_CHANGE, 3, "Password Change");
            case "RESET_PASSWORD", "SEND_RESET_PASSWORD" -> new Activity(OcsfClass.ACCOUNT_CHANGE, 4, "Password Reset");
            case "DELETE_ACCOUNT" -> new Activity(OcsfClass.ACCOUNT_CHANGE, 6, "Delete");
            case "UPDATE_TOTP" -> new Activity(OcsfClass.ACCOUNT_CHANGE, 10, "MFA Factor Enable");
            case "REMOVE_TOTP", "REMOVE_CREDENTIAL" -> new Activity(OcsfClass.ACCOUNT_CHANGE, 11, "MFA Factor Disable");
            case "UPDATE_PROFILE", "UPDATE_EMAIL", "VERIFY_EMAIL", "VERIFY_PROFILE", "CUSTOM_REQUIRED_ACTION", "EXECUTE_ACTIONS",
                    "EXECUTE_ACTION_TOKEN", "GRANT_CONSENT", "UPDATE_CONSENT", "REVOKE_GRANT", "FEDERATED_IDENTITY_LINK",
                    "REMOVE_FEDERATED_IDENTITY" -> new Activity(OcsfClass.ACCOUNT_CHANGE, 99, "Other");
            default -> new Activity(OcsfClass.AUTHENTICATION, 99, "Other");
        };
    }

    public static Activity of(ResourceType resource, OperationType operation) {
        if (resource == ResourceType.REALM_ROLE_MAPPING || resource == ResourceType.CLIENT_ROLE_MAPPING) {
            return switch (operation) {
                case CREATE -> new Activity(OcsfClass.USER_ACCESS_MANAGEMENT, 1, "Assign Privileges");
                case DELETE -> new Activity(OcsfClass.USER_ACCESS_MANAGEMENT, 2, "Revoke Privileges");
                default -> new Activity(OcsfClass.USER_ACCESS_MANAGEMENT, 99, "Other");
            };
        }
        if (resource == ResourceType.USER) {
            return switch (operation) {
                case CREATE -> new Activity(OcsfClass.ACCOUNT_CHANGE, 1, "Create");
                case DELETE -> new Activity(OcsfClass.ACCOUNT_CHANGE, 6, "Delete");
                default -> new Activity(OcsfClass.ACCOUNT_CHANGE, 99, "Other");
            };
        }
        return switch (operation) {
            case CREATE -> new Activity(OcsfClass.API_ACTIVITY, 1, "Create");
            case UPDATE -> new Activity(OcsfClass.API_ACTIVITY, 3, "Update");
            case DELETE -> new Activity(OcsfClass.API_ACTIVITY, 4, "Delete");
            case ACTION -> new Activity(OcsfClass.API_ACTIVITY, 99, "Other");
        };
    }
}
