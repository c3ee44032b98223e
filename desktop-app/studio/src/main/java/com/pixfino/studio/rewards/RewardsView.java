package com.pixfino.studio.rewards;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The account screen's "Invite & redeem" tab: the invite link with Copy and its three figures, then the promo code
 * field with its outcome right below. Binds and forwards only; Copy puts the link on the system clipboard.
 */
public final class RewardsView extends VBox {

    private final Messages messages;

    public RewardsView(RewardsViewModel viewModel, Messages messages) {
        super(18);
        this.messages = messages;
        setId("rewards-pane");
        getStyleClass().add("rewards-pane");
        getChildren().addAll(invite(viewModel.invites()), redeem(viewModel.redemption()));
    }

    private VBox invite(InviteViewModel invites) {
        Label heading = new Label(messages.get("rewards.invite.title"));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label how = Texts.wrapping(new Label());
        how.setId("rewards-invite-how");
        how.getStyleClass().add("card-detail");
        how.textProperty().bind(invites.howText());

        TextField link = new TextField();
        link.setId("rewards-invite-link");
        link.setEditable(false);
        link.setFocusTraversable(true);
        link.getStyleClass().add("rewards-link");
        link.setPromptText(messages.get("rewards.invite.linkLoading"));
        link.setAccessibleText(messages.get("rewards.invite.linkAccessible"));
        link.textProperty().bind(invites.linkText());
        HBox.setHgrow(link, Priority.ALWAYS);
        Button copy = new Button(messages.get("rewards.invite.copy"));
        copy.setId("rewards-invite-copy");
        copy.getStyleClass().add(Styles.ACCENT);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.disableProperty().bind(link.textProperty().isEmpty());
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(invites.link());
            Clipboard.getSystemClipboard().setContent(content);
            invites.copied();
        });
        Label copied = Texts.statusLine("rewards-invite-copied", invites.copyNoticeProperty(), "tone-success");
        copied.setMinWidth(Region.USE_PREF_SIZE);
        HBox linkRow = new HBox(10, link, copy, copied);
        linkRow.setAlignment(Pos.CENTER_LEFT);
        Label code = Texts.wrapping(new Label());
        code.setId("rewards-invite-code");
        code.getStyleClass().add("card-detail");
        code.textProperty().bind(invites.codeText());

        GridPane figures = new GridPane();
        figures.setId("rewards-invite-figures");
        figures.getStyleClass().add("account-cards");
        figures.addRow(
                0,
                figure("rewards-joined", "rewards.invite.joined", invites.joinedText()),
                figure("rewards-rewarded", "rewards.invite.rewarded", invites.rewardedText()),
                figure("rewards-earned", "rewards.invite.earned", invites.earnedText()));
        for (int column = 0; column < 3; column++) {
            ColumnConstraints third = new ColumnConstraints();
            third.setPercentWidth(100.0 / 3);
            figures.getColumnConstraints().add(third);
        }
        Label off = Texts.statusLine("rewards-invite-off", invites.programOffText(), "notice");
        Label status = Texts.statusLine("rewards-invite-status", invites.status());

        VBox box = new VBox(10, heading, how, off, linkRow, code, figures, status);
        box.setId("rewards-invite");
        return box;
    }

    private VBox redeem(RedeemViewModel redemption) {
        Label heading = new Label(messages.get("rewards.redeem.title"));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label hint = Texts.wrapping(new Label(messages.get("rewards.redeem.hint")));
        hint.getStyleClass().add("card-detail");
        TextField code = new TextField();
        code.setId("rewards-redeem-code");
        code.setPromptText(messages.get("rewards.redeem.prompt"));
        code.setAccessibleText(messages.get("rewards.redeem.accessible"));
        code.setPrefColumnCount(18);
        code.textProperty().bindBidirectional(redemption.codeProperty());
        code.setOnAction(event -> redemption.redeem()); // Enter redeems
        Button redeem = new Button(messages.get("rewards.redeem.button"));
        redeem.setId("rewards-redeem-button");
        redeem.setMinWidth(Region.USE_PREF_SIZE);
        redeem.disableProperty().bind(redemption.canRedeemProperty().not());
        redeem.setOnAction(event -> redemption.redeem());
        HBox row = new HBox(10, code, redeem);
        row.setAlignment(Pos.CENTER_LEFT);
        Label outcome =
                Texts.statusLine("rewards-redeem-status", redemption.status().messageProperty());
        outcome.getStyleClass().add("rewards-outcome");
        ToneStyles.follow(outcome, "tone", redemption.status().toneProperty());

        VBox box = new VBox(10, heading, hint, row, outcome);
        box.setId("rewards-redeem");
        box.getStyleClass().add("account-data");
        return box;
    }

    private VBox figure(String id, String titleKey, ObservableValue<String> value) {
        Label heading = new Label(messages.get(titleKey));
        heading.getStyleClass().add("card-title");
        Label big = new Label();
        big.setId(id + "-value");
        big.getStyleClass().add("card-value");
        big.textProperty().bind(value);
        VBox card = new VBox(6, heading, big);
        card.setId(id);
        card.getStyleClass().add("account-card");
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }
}
