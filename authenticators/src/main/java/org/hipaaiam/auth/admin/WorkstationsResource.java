package org.hipaaiam.auth.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.hipaaiam.auth.workstation.InvalidWorkstation;
import org.hipaaiam.auth.workstation.Workstation;
import org.hipaaiam.auth.workstation.WorkstationRegistry;
import org.hipaaiam.auth.workstation.WorkstationView;
import org.hipaaiam.core.api.ApiRequest;
import org.hipaaiam.core.api.Caller;
import org.hipaaiam.core.api.JsonBody;
import org.hipaaiam.core.api.Refusal;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;

/**
 * `.../hipaa-badge-admin/workstations`: the realm's registered workstations, `view-realm` to read and
 * `manage-realm` to change. Answers are {@link WorkstationView}s.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class WorkstationsResource {

    private static final String PATH = "workstations";
    private final ApiRequest api;
    private final WorkstationRegistry registry;

    WorkstationsResource(KeycloakSession session, ApiRequest api) {
        this.api = api;
        this.registry = new WorkstationRegistry(session, session.getContext().getRealm());
    }

    @GET
    public Response list() {
        return api.answer(PATH, caller -> {
            caller.requireRealmManagementRole(AdminRoles.VIEW_REALM);
            return registry.all().stream().map(Workstation::view).toList();
        });
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return onWorkstation(id, AdminRoles.VIEW_REALM, caller ->
                registry.find(id).map(Workstation::view).orElseThrow(() -> Refusal.notFound("no workstation " + id)));
    }

    /** Registers or replaces a workstation: `{"class", "location", "network"?, "publicKey"?}`. */
    @PUT
    @Path("{id}")
    public Response put(@PathParam("id") String id, byte[] body) {
        return onWorkstation(id, AdminRoles.MANAGE_REALM, caller -> {
            Workstation workstation = described(id, JsonBody.object(body));
            OperationType operation = registry.find(id).isPresent() ? OperationType.UPDATE : OperationType.CREATE;
            registry.save(workstation);
            BadgeAdminResource.recordChange(caller, operation, ResourceType.REALM, PATH + "/" + id, workstation.view());
            return workstation.view();
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return onWorkstation(id, AdminRoles.MANAGE_REALM, caller -> {
            if (!registry.remove(id)) {
                throw Refusal.notFound("no workstation " + id);
            }
            BadgeAdminResource.recordChange(caller, OperationType.DELETE, ResourceType.REALM, PATH + "/" + id, null);
            return null;
        });
    }

    /** Runs `endpoint` for a caller holding the realm-management `role`, answering for `workstations/{id}`. */
    private Response onWorkstation(String id, String role, Function<Caller, Object> endpoint) {
        return api.answer(PATH + "/" + id, caller -> endpoint.apply(caller.requireRealmManagementRole(role)));
    }

    /** The workstation the body describes; the path names it, whatever the body's `id` says. */
    private static Workstation described(String id, JsonNode fields) {
        try {
            return Workstation.of(new WorkstationView(id, JsonBody.text(fields, "class"), JsonBody.text(fields, "location"),
                    JsonBody.text(fields, "network"), JsonBody.text(fields, "publicKey")));
        } catch (InvalidWorkstation invalid) {
            throw Refusal.invalid(invalid.getMessage());
        }
    }
}
