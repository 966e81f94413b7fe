/**
 * Catalog: sellers' listings, categories and shopper search. A listing becomes visible
 * only with proof of a compliance PASS for its current version.
 */
package id.pasar.catalog;
