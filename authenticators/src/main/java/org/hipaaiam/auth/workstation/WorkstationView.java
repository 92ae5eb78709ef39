package org.hipaaiam.auth.workstation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A workstation as stored in its realm attribute and answered by the badge admin API:
 * `{"id", "class", "location", "network"?, "publicKey"?}`; absent members are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkstationView(String id, @JsonProperty("class") String workstationClass, String location, String network,
                              String publicKey) {
}
