package org.hipaaiam.emergency.review;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipaaiam.emergency.ApiCaller;
import org.hipaaiam.emergency.ApiRefusal;
import org.hipaaiam.emergency.Audit;
import org.hipaaiam.emergency.HipaaEvents;
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
    static final int MAX_NOTES_CHARS = 4000;

    private final KeycloakSession session;

    public CaseReviewResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status) {
        return new ApiCaller(session).handle(ROLE, "cases-list", () -> {
            long now = Time.currentTime();
            CaseStatus wanted = status == null ? null : CaseStatus.parse(status.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> ApiRefusal.badRequest("status must be open, overdue, justified, approved or rejected"));
            List<Map<String, Object>> records = cases().all().stream()
                    .filter(c -> wanted == null || CaseStatus.of(c, now) == wanted)
                    .map(c -> CaseRecord.of(c, now)).toList();
            return Response.ok(records).build();
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response one(@PathParam("id") String id) {
        return new ApiCaller(session).handle(ROLE, "cases-read", () -> Response.ok(CaseRecord.of(find(id), Time.currentTime())).build());
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response decide(@PathParam("id") String id, Map<String, Object> body) {
        ApiCaller caller = new ApiCaller(session);
        return caller.handle(ROLE, "cases-decide", () -> {
            BreakGlassCaseEntity reviewed = find(id);
            Object decision = body == null ? null : body.get("decision");
            Object notes = body == null ? null : body.get("notes");
            if (!"approve".equals(decision) && !"reject".equals(decision)) {
                throw ApiRefusal.badRequest("decision must be approve or reject");
            }
            if (!(notes instanceof String text) || text.isBlank() || text.length() > MAX_NOTES_CHARS) {
                throw ApiRefusal.badRequest("notes are required (1-" + MAX_NOTES_CHARS + " characters)");
            }
            if (reviewed.getDecision() != null) {
                throw new ApiRefusal(409, "already_reviewed", "the case was already " + reviewed.getDecision());
            }
            if (caller.user().getId().equals(reviewed.getUserId())) {
                throw new ApiRefusal(403, "forbidden", "nobody reviews their own break-glass case");
            }
            long now = Time.currentTime();
            reviewed.setDecision("approve".equals(decision) ? "approved" : "rejected");
            reviewed.setReviewNotes(text.strip());
            reviewed.setReviewer(caller.user().getUsername());
            reviewed.setReviewedAt(now);
            Audit.event(session, realm(), EventType.EXECUTE_ACTIONS, HipaaEvents.REVIEWED)
                    .user(caller.user())
                    .detail("case_id", reviewed.getId())
                    .detail("case_user", reviewed.getUsername())
                    .detail("decision", reviewed.getDecision())
                    .success();
            return Response.ok(CaseRecord.of(reviewed, now)).build();
        });
    }

    @GET
    @Path("export")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        return new ApiCaller(session).handle(ROLE, "cases-export", () -> {
            Period period = Period.parse(from, to);
            String chosen = format == null ? "json" : format.toLowerCase(Locale.ROOT);
            if (!chosen.equals("json") && !chosen.equals("csv")) {
                throw ApiRefusal.badRequest("format must be csv or json");
            }
            long now = Time.currentTime();
            List<Map<String, Object>> records = cases().startedBetween(period.from(), period.to()).stream()
                    .map(c -> CaseRecord.of(c, now)).toList();
            if (chosen.equals("csv")) {
                return Response.ok(CsvExport.of(records), "text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"break-glass-cases.csv\"").build();
            }
            return Response.ok(records, MediaType.APPLICATION_JSON).build();
        });
    }

    private BreakGlassCaseEntity find(String id) {
        return cases().byId(id).orElseThrow(() -> ApiRefusal.notFound("no break-glass case with that id"));
    }

    private BreakGlassCases cases() {
        return new BreakGlassCases(session, realm());
    }

    private RealmModel realm() {
        return session.getContext().getRealm();
    }
}
