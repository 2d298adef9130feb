package org.peerlab.ui.internal.errors;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.ui.model.application.MApplication;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Starts listening to the platform log when the workbench starts, so the Error Log view shows
 * what happened before it was first opened; puts the {@link ErrorLogBook} into the application
 * context.
 */
public class ErrorLogAddon {

    private final ErrorLogBook book = new ErrorLogBook();

    @PostConstruct
    void start(MApplication app) {
        app.getContext().set(ErrorLogBook.class, book);
        Platform.addLogListener(book);
    }

    @PreDestroy
    void stop() {
        Platform.removeLogListener(book);
    }
}
