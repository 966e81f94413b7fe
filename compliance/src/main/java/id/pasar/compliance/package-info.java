/**
 * Compliance: decides who may sell and what may be shown. Identity rules (NIK, passport, local entity), listing rules, the append-only hash-chained decision log, Indonesian region codes and the auditor reports. Depends on no other domain module.
 */
package id.pasar.compliance;
