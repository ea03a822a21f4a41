package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.layout.ObjectLayouts;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/**
 * The layout wizard, Contact then Lead: for each, an overview, then "Add it for me" (with the permission) or the text
 * for the admin (without), the manual steps unless the app already added the field, and "Check now".
 */
public final class LayoutWizard {
    private enum Kind {
        OVERVIEW,
        ADD_FOR_ME,
        ASK_ADMIN,
        STEP,
        CHECK
    }

    private record Position(SObjectType type, Kind kind, int step) {}

    /** The style class that sizes the first page shown (console.css). */
    private static final String FIRST_SIZE = "wizard-first-page";

    private final LayoutWizardModel model;
    private final Wizard wizard;
    private final Map<WizardPane, Position> positions = new HashMap<>();
    private final Map<Position, WizardPane> pages = new HashMap<>();

    /**
     * @param owner   the window the wizard belongs to, or null
     * @param browser opens a Setup page in the system browser
     */
    public LayoutWizard(LayoutWizardModel model, Object owner, String stylesheet, Consumer<String> browser) {
        this.model = model;
        wizard = new Wizard(owner, "Put the opt-out field on the page layouts");
        wizard.setReadSettings(false);
        for (SObjectType type : LayoutWizardModel.OBJECTS) {
            String field = model.of(type).map(ObjectLayouts::fieldLabel).orElse("Email Opt Out");
            String url = model.of(type).map(ObjectLayouts::setupUrl).orElse("");
            add(new Position(type, Kind.OVERVIEW, 0), OverviewPage.of(type, model, stylesheet));
            add(new Position(type, Kind.ADD_FOR_ME, 0), AddForMePage.of(type, model, stylesheet));
            add(new Position(type, Kind.ASK_ADMIN, 0), AskAdminPage.of(type, model, stylesheet));
            for (SetupStep step : SetupStep.values()) {
                add(
                        new Position(type, Kind.STEP, step.ordinal()),
                        StepPage.of(type, step, field, url, stylesheet, browser));
            }
            add(new Position(type, Kind.CHECK, 0), CheckPage.of(type, model, stylesheet));
        }
        String textSize = owner instanceof javafx.stage.Window window && window.getScene() != null
                ? window.getScene().getRoot().getStyle()
                : "";
        pages.values().forEach(page -> {
            page.setStyle(textSize);
            page.getStyleClass().add(FIRST_SIZE);
        });
        wizard.getDialog().dialogPaneProperty().addListener((o, was, now) -> {
            if (positions.containsKey(was)) {
                sameSizeAs(was, now);
            }
        });
        wizard.getDialog().setResizable(true);
        wizard.getDialog()
                .setOnShown(e -> keepOnScreen(
                        wizard.getDialog().getDialogPane().getScene().getWindow()));
        wizard.setFlow(new Wizard.Flow() {
            @Override
            public Optional<WizardPane> advance(WizardPane current) {
                return Optional.ofNullable(
                        current == null
                                ? pages.get(new Position(LayoutWizardModel.OBJECTS.get(0), Kind.OVERVIEW, 0))
                                : next(positions.get(current)));
            }

            @Override
            public boolean canAdvance(WizardPane current) {
                return advance(current).isPresent();
            }
        });
    }

    private void add(Position position, WizardPane page) {
        positions.put(page, position);
        pages.put(position, page);
    }

    private WizardPane next(Position at) {
        SObjectType type = at.type();
        boolean done = model.of(type).flatMap(ObjectLayouts::onEveryLayout).orElse(false);
        boolean added = !model.added(type).isEmpty();
        Position next = switch (at.kind()) {
            case OVERVIEW ->
                done
                        ? check(type)
                        : new Position(
                                type,
                                model.canModifyLayouts()
                                                && model.of(type)
                                                        .map(Pages::placeable)
                                                        .orElse(false)
                                        ? Kind.ADD_FOR_ME
                                        : Kind.ASK_ADMIN,
                                0);
            case ADD_FOR_ME, ASK_ADMIN -> done || added ? check(type) : new Position(type, Kind.STEP, 0);
            case STEP ->
                at.step() + 1 < SetupStep.values().length ? new Position(type, Kind.STEP, at.step() + 1) : check(type);
            case CHECK -> {
                int index = LayoutWizardModel.OBJECTS.indexOf(type);
                yield index + 1 < LayoutWizardModel.OBJECTS.size()
                        ? new Position(LayoutWizardModel.OBJECTS.get(index + 1), Kind.OVERVIEW, 0)
                        : null;
            }
        };
        return next == null ? null : pages.get(next);
    }

    private static Position check(SObjectType type) {
        return new Position(type, Kind.CHECK, 0);
    }

    /**
     * However large the text, the window stays within the screen it is on and the pages scroll instead. The first
     * page takes its size from the stylesheet (in em); each next page takes the size of the one before, so the
     * window keeps the size the admin gave it and the buttons never jump away.
     */
    private void keepOnScreen(javafx.stage.Window window) {
        Runnable fit = () -> {
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(
                            window.getX(),
                            window.getY(),
                            Math.max(1, window.getWidth()),
                            Math.max(1, window.getHeight()))
                    .stream()
                    .findFirst()
                    .orElse(javafx.stage.Screen.getPrimary())
                    .getVisualBounds();
            if (window.getWidth() > screen.getWidth()) {
                window.setWidth(screen.getWidth());
            }
            if (window.getHeight() > screen.getHeight()) {
                window.setHeight(screen.getHeight());
            }
            if (window.getX() < screen.getMinX() || window.getX() + window.getWidth() > screen.getMaxX()) {
                window.setX(screen.getMinX() + Math.max(0, (screen.getWidth() - window.getWidth()) / 2));
            }
            if (window.getY() < screen.getMinY() || window.getY() + window.getHeight() > screen.getMaxY()) {
                window.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - window.getHeight()) / 2));
            }
        };
        fit.run();
        window.widthProperty().addListener((o, was, now) -> fit.run());
        window.heightProperty().addListener((o, was, now) -> fit.run());
    }

    private static void sameSizeAs(javafx.scene.control.DialogPane was, javafx.scene.control.DialogPane now) {
        if (was != null && now != null && was.getWidth() > 0) {
            now.getStyleClass().remove(FIRST_SIZE);
            now.setPrefSize(was.getWidth(), was.getHeight());
        }
    }

    public Wizard wizard() {
        return wizard;
    }

    /** Shows the wizard and returns when the admin finished or cancelled it. */
    public void showAndWait() {
        wizard.showAndWait();
    }
}
