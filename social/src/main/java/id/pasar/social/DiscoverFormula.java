package id.pasar.social;

import java.util.List;

/**
 * The discover ranking's whole formula, as data: served as it is at
 * {@code GET /api/v1/discover/ranking} and the one the discover query computes
 * ({@code Discovery}), versioned so that a change is visible. It is about the post only,
 * its age and its engagement; nothing about its author: not its size, sales, fees,
 * followers, verification kind nor affiliation with the platform.
 */
public record DiscoverFormula(String version, String score, List<Term> terms, int windowDays, String tieBreak) {

    /** Posts older than this, at the moment of the first page, are not ranked. */
    public static final int WINDOW_DAYS = 7;

    public static final DiscoverFormula CURRENT = new DiscoverFormula("2026-12-07.2",
            "round((1 + likes + 2 × comments) / (ageHours + 2) ^ 1.5, 9), computed in double precision, highest first",
            List.of(new Term("likes", "the post's likes, one per account"),
                    new Term("comments", "the post's shown comments (hidden ones do not count)"),
                    new Term("ageHours",
                            "hours, with their fraction, from the post's publication to asOf: the moment of the first "
                                    + "page, kept by the cursor so that every page ranks at the same moment")),
            WINDOW_DAYS, "Equal scores are ordered by postId ascending.");

    public DiscoverFormula {
        terms = List.copyOf(terms);
    }

    public record Term(String name, String description) {
    }

}
