/**
 * The kernel: what every module needs and that is not domain. The house shape of an RFC
 * 9457 problem ({@link id.pasar.kernel.Problems},
 * {@link id.pasar.kernel.ProblemException}, {@link id.pasar.kernel.InvalidFields}), the
 * one keyset cursor codec ({@link id.pasar.kernel.KeysetCursor}) and the one keyset page
 * ({@link id.pasar.kernel.KeysetPage}). No Spring beans and no domain types live here
 * (ADR 0015); an architecture test keeps it so.
 */
package id.pasar.kernel;
