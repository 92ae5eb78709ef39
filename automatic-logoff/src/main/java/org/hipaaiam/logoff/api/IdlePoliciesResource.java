package org.hipaaiam.logoff.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.hipaaiam.auth.workstation.WorkstationClass;
import org.hipaaiam.core.api.ApiRequest;
import org.hipaaiam.core.api.JsonBody;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.settings.Setting;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.logoff.policy.ClientPolicies;
import org.hipaaiam.logoff.policy.IdlePolicy;
import org.hipaaiam.logoff.policy.LogoffPolicies;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * `/realms/{realm}/hipaa-idle-policies/policies`: the configured idle policies per workstation class, for unclassified
 * sessions and per client, with the realm's SSO idle they must fit in; `view-realm` to read (the auditors'
 * export), `manage-realm` to change. A change is checked whole (every policy valid, every terminate time within
 * the SSO idle) before anything is written, and recorded as an admin event.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class IdlePoliciesResource {

    private static final String PATH = "policies";
    private final KeycloakSession session;
    private final ApiRequest api;

    IdlePoliciesResource(KeycloakSession session) {
        this.session = session;
        this.api = new ApiRequest(session, BundleApi.IDLE_POLICIES);
    }

    @GET
    @Path(PATH)
    public Response read() {
        return api.answer(PATH, caller -> {
            caller.requireRealmManagementRole(AdminRoles.VIEW_REALM);
            return view(realm());
        });
    }

    /**
     * Replaces the policies given: `{"classes": {"clinical": "lock=5m terminate=15m badge-leaves=lock", ...},
     * "unclassified": "...", "clients": {"patient-portal": "terminate=15m"}}`; a part left out keeps its value,
     * `clients` given replaces every client policy.
     */
    @PUT
    @Path(PATH)
    public Response replace(byte[] body) {
        return api.answer(PATH, caller -> {
            caller.requireRealmManagementRole(AdminRoles.MANAGE_REALM);
            RealmModel realm = realm();
            Map<String, String> changes = changes(JsonBody.object(body));
            Map<String, String> after = new LinkedHashMap<>();
            LogoffPolicies current = LogoffPolicies.of(RealmSettings.of(session, realm));
            current.classes().forEach((c, policy) -> after.put(LogoffPolicies.settingOf(c).key(), policy.text()));
            after.put(LogoffPolicies.UNCLASSIFIED.key(), current.unclassified().text());
            after.put(LogoffPolicies.CLIENTS.key(), ClientPolicies.text(current.clients()));
            after.putAll(changes);
            LogoffPolicies checked = LogoffPolicies.of(RealmSettings.of(after, (setting, value, problem) -> {
                throw Refusal.invalid(problem);
            }));
            Optional<String> problem = checked.problemWith(Duration.ofSeconds(realm.getSsoSessionIdleTimeout()));
            if (problem.isPresent()) {
                throw Refusal.invalid(problem.get());
            }
            changes.forEach(realm::setAttribute);
            Object view = view(realm);
            caller.adminEvent().operation(OperationType.UPDATE).resource(ResourceType.REALM)
                    .resourcePath(BundleApi.IDLE_POLICIES.path(), PATH).representation(view).success();
            return view;
        });
    }

    private RealmModel realm() {
        return session.getContext().getRealm();
    }

    /** The realm attributes the body sets, each in its text form; unknown members are refused. */
    private static Map<String, String> changes(JsonNode body) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> members = body.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            switch (member.getKey()) {
                case "classes" -> eachText(member.getValue(), "classes", (name, text) -> changes.put(
                        WorkstationClass.fromWire(name).map(LogoffPolicies::settingOf).map(Setting::key)
                                .orElseThrow(() -> Refusal.invalid("no workstation class " + name)), text));
                case "unclassified" -> changes.put(LogoffPolicies.UNCLASSIFIED.key(), text(member.getValue(), "unclassified"));
                case "clients" -> {
                    Map<String, IdlePolicy> clients = new LinkedHashMap<>();
                    eachText(member.getValue(), "clients", (clientId, text) -> clients.put(clientId, parsed(clientId, text)));
                    changes.put(LogoffPolicies.CLIENTS.key(), ClientPolicies.text(clients));
                }
                default -> throw Refusal.invalid("unknown member " + member.getKey() + " (classes, unclassified, clients)");
            }
        }
        if (changes.isEmpty()) {
            throw Refusal.invalid("nothing to change: give classes, unclassified or clients");
        }
        return changes;
    }

    private static IdlePolicy parsed(String name, String text) {
        try {
            return IdlePolicy.parse(text);
        } catch (IllegalArgumentException bad) {
            throw Refusal.invalid(name + ": " + bad.getMessage());
        }
    }

    private static void eachText(JsonNode object, String member, BiConsumer<String, String> each) {
        if (!object.isObject()) {
            throw Refusal.invalid(member + " must be an object of policies");
        }
        object.fields().forEachRemaining(entry -> each.accept(entry.getKey(), text(entry.getValue(), member + "." + entry.getKey())));
    }

    private static String text(JsonNode value, String member) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw Refusal.invalid(member + " must be a policy such as \"lock=5m terminate=15m badge-leaves=lock\"");
        }
        return value.asText();
    }

    private Object view(RealmModel realm) {
        LogoffPolicies policies = LogoffPolicies.of(RealmSettings.of(session, realm));
        Map<String, Object> classes = new LinkedHashMap<>();
        policies.classes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> classes.put(entry.getKey().wireName(), PolicyView.of(entry.getValue())));
        Map<String, Object> clients = new LinkedHashMap<>();
        new TreeMap<>(policies.clients()).forEach((clientId, policy) -> clients.put(clientId, PolicyView.of(policy)));
        return Map.of("ssoSessionIdleSeconds", realm.getSsoSessionIdleTimeout(), "classes", classes,
                "unclassified", PolicyView.of(policies.unclassified()), "clients", clients);
    }

    /** One policy as auditors read it: the times in seconds, and its text form. */
    record PolicyView(Long lockSeconds, long terminateSeconds, String badgeLeaves, String policy) {

        static PolicyView of(IdlePolicy policy) {
            return new PolicyView(policy.lock().map(Duration::toSeconds).orElse(null), policy.terminate().toSeconds(),
                    policy.badgeLeaves().wireName(), policy.text());
        }
    }
}
