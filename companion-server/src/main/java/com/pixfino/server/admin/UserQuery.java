package com.pixfino.server.admin;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.Tier;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Sha256;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the admin users table shows: {@code q} (part of the email or name, any case), a tier and a status to keep, and
 * the order. Nulls mean "any"; the default order is newest accounts first.
 */
public record UserQuery(String q, Tier tier, AccountStatus status, Sort sort, boolean descending) {

    /** The columns the table sorts by; ties are broken by the user id. */
    public enum Sort {
        JOINED("joined"),
        LAST_LOGIN("lastLogin"),
        CREDITS("credits"),
        GENERATIONS("generations");

        private final String parameter;

        Sort(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        /** The sort named by the {@code sort} parameter, any case; null or blank is {@link #JOINED}. */
        public static Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return JOINED;
            }
            return Arrays.stream(values())
                    .filter(sort -> sort.parameter.equalsIgnoreCase(text.trim()))
                    .findFirst()
                    .orElseThrow(() -> DomainException.invalid(
                            "invalid_sort",
                            "sort must be one of "
                                    + Arrays.stream(values())
                                            .map(Sort::parameter)
                                            .collect(Collectors.joining(", "))
                                    + "."));
        }
    }

    public UserQuery {
        sort = sort == null ? Sort.JOINED : sort;
    }

    /** {@code asc} or {@code desc}, any case; null or blank is descending. */
    public static boolean descending(String order) {
        if (order == null || order.isBlank()) {
            return true;
        }
        return switch (order.trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw DomainException.invalid("invalid_order", "order must be asc or desc.");
        };
    }

    /** Names the list a cursor belongs to: a cursor of another filter or order is refused, not misread. */
    String fingerprint() {
        return Sha256.hex(String.join("\n", q == null ? "" : q, String.valueOf(tier), String.valueOf(status)))
                        .substring(0, 16)
                + "." + sort.parameter() + "." + (descending ? "desc" : "asc");
    }
}
