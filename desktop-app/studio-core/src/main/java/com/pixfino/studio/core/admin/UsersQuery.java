package com.pixfino.studio.core.admin;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.Tier;

/** Which accounts the users table asks for: search text (blank: all), tier and status (null: any), and the order. */
public record UsersQuery(String search, Tier tier, AccountStatus status, UsersSort sort, boolean descending) {

    /** Everyone, newest first: the table's first look. */
    public static final UsersQuery ALL = new UsersQuery("", null, null, UsersSort.JOINED, true);

    public UsersQuery {
        search = search == null ? "" : search.strip();
        sort = sort == null ? UsersSort.JOINED : sort;
    }

    public UsersQuery withSearch(String text) {
        return new UsersQuery(text, tier, status, sort, descending);
    }

    public UsersQuery withTier(Tier value) {
        return new UsersQuery(search, value, status, sort, descending);
    }

    public UsersQuery withStatus(AccountStatus value) {
        return new UsersQuery(search, tier, value, sort, descending);
    }

    public UsersQuery sortedBy(UsersSort value, boolean desc) {
        return new UsersQuery(search, tier, status, value, desc);
    }
}
