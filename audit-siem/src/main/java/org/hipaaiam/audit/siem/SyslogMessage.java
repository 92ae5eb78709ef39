package org.hipaaiam.audit.siem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.hipaaiam.audit.ledger.segment.Frame;

/**
 * One RFC 5424 syslog message about a ledger record or checkpoint:
 * {@code <PRI>1 TIMESTAMP HOSTNAME keycloak-audit - MSGID [ledger@32473 origin=".." index=".."] MSG}.
 * MSG is the stored bytes unchanged, so a SIEM copy can be checked against the ledger's proofs.
 */
record SyslogMessage(int priority, long timestampMillis, String hostname, String msgId,
                            String structuredData, byte[] msg) {

    static final String APP_NAME = "keycloak-audit";
    static final String RECORD_MSGID = "audit";
    static final String CHECKPOINT_MSGID = "checkpoint";
    /** 32473 is the enterprise number IANA reserves for documentation (RFC 5612); the project has none of its own. */
    static final String SD_ID = "ledger@32473";
    static final int SEVERITY_WARNING = 4;
    static final int SEVERITY_NOTICE = 5;
    static final int SEVERITY_INFORMATIONAL = 6;

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A ledger record: its event time, its position, its exact bytes. */
    static SyslogMessage ofRecord(SyslogFacility facility, String hostname, String origin, Frame entry) {
        return new SyslogMessage(facility.code() * 8 + severityOf(entry.payload()), entry.timestampMillis(), hostname,
                RECORD_MSGID, structuredData(origin, "index", entry.sequence()), entry.payload());
    }

    /** A signed checkpoint: its signing time, the tree size it covers, the signed note text. */
    static SyslogMessage ofCheckpoint(SyslogFacility facility, String hostname, String origin, long treeSize,
                                             Frame checkpoint) {
        return new SyslogMessage(facility.code() * 8 + SEVERITY_NOTICE, checkpoint.timestampMillis(), hostname,
                CHECKPOINT_MSGID, structuredData(origin, "size", treeSize), checkpoint.payload());
    }

    /**
     * Warning for a failed action (OCSF {@code status_id} 2), informational otherwise. The record
     * is canonical JSON (RFC 8785: no whitespace), so a plain search finds the member; OCSF puts
     * {@code status_id} only at the top level of an event.
     */
    static int severityOf(byte[] record) {
        String json = new String(record, StandardCharsets.UTF_8);
        return json.contains("\"status_id\":2,") || json.contains("\"status_id\":2}")
                ? SEVERITY_WARNING : SEVERITY_INFORMATIONAL;
    }

    static String structuredData(String origin, String positionName, long position) {
        return "[" + SD_ID + " origin=\"" + escapeParamValue(origin) + "\" " + positionName + "=\"" + position + "\"]";
    }

    /** RFC 5424 §6.3.3: '"', '\' and ']' are escaped with a backslash inside a PARAM-VALUE. */
    static String escapeParamValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** RFC 3339 in UTC with milliseconds, as RFC 5424 TIMESTAMP allows. */
    static String timestamp(long epochMillis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The SYSLOG-MSG bytes. No BOM: the MSG is passed through as stored, so its bytes stay provable. */
    byte[] encode() {
        String header = "<" + priority + ">1 " + timestamp(timestampMillis) + " " + hostname + " " + APP_NAME
                + " - " + msgId + " " + structuredData + " ";
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + msg.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(msg, 0, out, head.length, msg.length);
        return out;
    }

    /** RFC 5425 §4.3 octet counting: {@code MSG-LEN SP SYSLOG-MSG}. */
    byte[] octetCounted() {
        byte[] message = encode();
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 8);
        out.writeBytes((message.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(message);
        return out.toByteArray();
    }
}
