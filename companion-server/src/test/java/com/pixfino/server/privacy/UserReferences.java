package com.pixfino.server.privacy;

import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * The columns of the database that point at a user, found from the schema itself: foreign keys to
 * {@code users}, and columns named like an owner ({@code user_id}, {@code *_user_id}, {@code owner}, {@code owner_id}).
 */
final class UserReferences {

    private UserReferences() {}

    /** {@code table.column} names, {@code users.id} included. */
    static Set<String> in(DSLContext db) {
        Set<String> found = new TreeSet<>();
        found.add("users.id");
        db.fetch("""
                SELECT c.conrelid::regclass::text AS t, a.attname AS c
                FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass
                UNION
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND (column_name IN ('user_id', 'owner', 'owner_id') OR column_name LIKE '%\\_user\\_id')
                """).forEach(r -> found.add(r.get("t", String.class) + "." + r.get("c", String.class)));
        return found;
    }

    /** How many rows of each user column still hold {@code userId}, by {@code table.column}, only those above zero. */
    static java.util.Map<String, Integer> rowsOf(DSLContext db, java.util.UUID userId) {
        java.util.Map<String, Integer> left = new java.util.TreeMap<>();
        for (String column : in(db)) {
            String[] parts = column.split("\\.");
            int rows = db.fetchOne(
                            "SELECT count(*) FROM " + parts[0] + " WHERE " + parts[1] + "::text = ?", userId.toString())
                    .get(0, Integer.class);
            if (rows > 0) {
                left.put(column, rows);
            }
        }
        return left;
    }
}
