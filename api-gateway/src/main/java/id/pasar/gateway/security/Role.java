package id.pasar.gateway.security;

/** The roles of api.md; a token carries exactly one. */
public enum Role {

    SHOPPER, SELLER, COMPLIANCE_OFFICER, AUDITOR, ADMIN, CREATOR;

    /**
     * Roles anyone may choose when registering; every other role is given by an ADMIN.
     */
    public boolean isSelfService() {
        return this == SHOPPER || this == SELLER || this == CREATOR;
    }

}
