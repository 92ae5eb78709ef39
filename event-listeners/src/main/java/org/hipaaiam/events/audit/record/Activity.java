package org.hipaaiam.events.audit.record;

/** An OCSF class with one of its activities; `type_uid` is class_uid * 100 + activity_id. */
public record Activity(OcsfClass ocsfClass, int id, String name) {

    public long typeUid() {
        return ocsfClass.uid * 100L + id;
    }
}
