/** A real PostgreSQL for every test JVM; see docs/adr/0002-test-database.md. */
package id.pasar.testing;
