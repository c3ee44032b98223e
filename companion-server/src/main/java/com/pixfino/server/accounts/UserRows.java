package com.pixfino.server.accounts;

import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.server.db.jooq.tables.records.UsersRecord;
import com.pixfino.server.domain.DomainException;
import java.util.UUID;
import org.jooq.DSLContext;

/** The signed-in user's row, as the account flows read it before they change something. */
final class UserRows {

    private UserRows() {}

    /** The user's row; a user deleted meanwhile is a 404. */
    static UsersRecord existing(DSLContext ctx, UUID userId) {
        UsersRecord user = ctx.selectFrom(USERS).where(USERS.ID.eq(userId)).fetchOne();
        if (user == null) {
            throw DomainException.notFound("The user");
        }
        return user;
    }
}
