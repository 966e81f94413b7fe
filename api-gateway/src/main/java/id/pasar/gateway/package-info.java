/**
 * The composition root: security (JWT, roles), the {@code /api/v1} surface's
 * cross-cutting parts (RFC 9457 problems, request ids, body limits), OpenAPI, Actuator,
 * the database (embedded by default, one Flyway per module schema), accounts, rate
 * limits, and the auditors' reports, which combine every module's figures and so are
 * assembled here from each module's statistics API.
 */
package id.pasar.gateway;
