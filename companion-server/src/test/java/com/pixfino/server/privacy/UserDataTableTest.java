package com.pixfino.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.testsupport.ServerExtension;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The export and the deletion know every table with user data: the list in the code is the database's. */
class UserDataTableTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void everyColumnThatPointsAtAUserIsListedForExportAndDeletion() {
        Set<String> inDatabase =
                UserReferences.in(SERVER.server().app().database().dsl());
        Set<String> listed = Arrays.stream(UserDataTable.values())
                .map(t -> t.table() + "." + t.userColumn())
                .collect(Collectors.toSet());

        assertThat(listed)
                .as(
                        "a table with a user reference must be a UserDataTable constant (export entry + what deletion does); "
                                + "one listed but gone from the schema must be removed")
                .containsExactlyInAnyOrderElementsOf(inDatabase);
    }

    @Test
    void everyTableHasItsOwnExportEntry() {
        assertThat(Arrays.stream(UserDataTable.values()).map(UserDataTable::exportEntry))
                .doesNotHaveDuplicates()
                .allMatch(name -> name.endsWith(".json"));
    }
}
