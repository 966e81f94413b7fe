/**
 * The composition root: security (JWT, roles), the {@code /api/v1} surface's cross-cutting parts
 * (RFC 9457 problems, request ids, body limits), OpenAPI, Actuator, the database (embedded by
 * default, one Flyway per module schema), accounts, and the workflows that span modules.
 */
package id.pasar.gateway;
