package com.pixfino.studio.batch;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** "A batch into … was interrupted (N of M done). Resume / Discard", while there is such a batch. */
final class ResumeBanner extends HBox {

    ResumeBanner(BatchViewModel viewModel, Messages messages) {
        setId("batch-resume");
        getStyleClass().add("batch-resume");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);

        Label text = Texts.wrapping(new Label());
        text.setId("batch-resume-text");
        text.getStyleClass().add("banner-text");
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            ResumeOffer offer = viewModel.resumeOfferProperty().get();
                            if (offer == null) {
                                return "";
                            }
                            return offer.total() < 0
                                    ? messages.get(
                                            "batch.resume.textUnknown",
                                            offer.request().output())
                                    : messages.get(
                                            "batch.resume.text", offer.request().output(), offer.done(), offer.total());
                        },
                        viewModel.resumeOfferProperty()));

        Button resume = new Button(messages.get("batch.resume.yes"));
        resume.setId("batch-resume-yes");
        resume.getStyleClass().addAll(Styles.ACCENT);
        resume.setMinWidth(Region.USE_PREF_SIZE);
        resume.setOnAction(event -> viewModel.resumeInterrupted());
        Button discard = new Button(messages.get("batch.resume.no"));
        discard.setId("batch-resume-no");
        discard.getStyleClass().add(Styles.FLAT);
        discard.setMinWidth(Region.USE_PREF_SIZE);
        discard.setOnAction(event -> viewModel.discardInterrupted());

        getChildren().addAll(Icons.QUEUE.create(20), text, resume, discard);
        visibleProperty().bind(viewModel.resumeOfferProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
