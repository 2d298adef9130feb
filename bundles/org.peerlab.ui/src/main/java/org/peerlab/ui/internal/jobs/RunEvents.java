package org.peerlab.ui.internal.jobs;

/**
 * Event topics of experiment runs, posted on the workbench's {@code IEventBroker}. Subscribe with
 * {@code @Inject @Optional void f(@UIEventTopic(RunEvents.RUN_FINISHED) java.nio.file.Path folder)}.
 */
public final class RunEvents {

    /**
     * A run folder is complete: every file is written and the folder has its final name (see
     * {@link RunFolders}). Data: the folder's {@link java.nio.file.Path}. Posted once per finished run,
     * not for cancelled or failed ones.
     */
    public static final String RUN_FINISHED = "org/peerlab/ui/run/finished";

    private RunEvents() {
    }
}
