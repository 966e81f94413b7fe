/**
 * Compliance: decides who may sell and what may be shown. Identity rules (NIK, passport,
 * local entity), listing rules and their rule sets, the append-only hash-chained decision
 * log and its auditor endpoints, the staff data-access log, the platform-affiliate list
 * and Indonesian region codes. Depends on no other domain module; so the auditors'
 * seller, listing and exposure reports, which combine every module's figures, are
 * assembled by the gateway from each module's statistics API (this module's is
 * {@code DecisionQueries}).
 */
package id.pasar.compliance;
