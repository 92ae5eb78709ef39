package org.hipaaiam.core.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.junit.jupiter.api.Test;
import org.keycloak.models.Constants;
import org.keycloak.representations.AccessToken;

class TokenGrantTest {

    @Test
    void aTokenNamesOnlyTheApisInItsAudience() {
        AccessToken token = new AccessToken();
        token.audience("clinical-app", BundleApi.BREAK_GLASS.audience());
        TokenGrant grant = new TokenGrant(token);
        assertTrue(grant.names(BundleApi.BREAK_GLASS));
        assertFalse(grant.names(BundleApi.BADGE_ADMIN));
        assertFalse(grant.names(BundleApi.HR_FEED));
        assertFalse(new TokenGrant(new AccessToken()).names(BundleApi.BREAK_GLASS), "a token without audience names nothing");
    }

    @Test
    void onlyAOneTimeCodeOrAHardwareKeyIsASecondFactor() {
        assertTrue(withAmr(List.of("pwd", "otp")).hasSecondFactor());
        assertTrue(withAmr(List.of("hwk", "user")).hasSecondFactor());
        assertFalse(withAmr(List.of("pwd")).hasSecondFactor(), "badge + PIN is one factor");
        assertFalse(withAmr("otp").hasSecondFactor(), "amr is a list");
        assertFalse(new TokenGrant(new AccessToken()).hasSecondFactor(), "no amr, no second factor");
    }

    private static TokenGrant withAmr(Object amr) {
        AccessToken token = new AccessToken();
        token.setOtherClaims("amr", amr);
        return new TokenGrant(token);
    }

    @Test
    void rolesCountOnlyWhenTheTokenCarriesThem() {
        AccessToken token = new AccessToken();
        token.setRealmAccess(new AccessToken.Access().addRole("privacy-officer"));
        token.addAccess(Constants.REALM_MANAGEMENT_CLIENT_ID).addRole("view-users");
        TokenGrant grant = new TokenGrant(token);
        assertTrue(grant.realmRole("privacy-officer"));
        assertFalse(grant.realmRole("iam-admin"));
        assertTrue(grant.clientRole(Constants.REALM_MANAGEMENT_CLIENT_ID, "view-users"));
        assertFalse(grant.clientRole(Constants.REALM_MANAGEMENT_CLIENT_ID, "manage-users"));
        assertFalse(grant.clientRole("clinical-app", "view-users"), "a role of another client is not a realm-management role");
    }

    @Test
    void aTokenWithoutRoleClaimsCarriesNoRole() {
        TokenGrant grant = new TokenGrant(new AccessToken());
        assertFalse(grant.realmRole("privacy-officer"));
        assertFalse(grant.clientRole(Constants.REALM_MANAGEMENT_CLIENT_ID, "view-users"));
    }
}
