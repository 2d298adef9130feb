package org.peerlab.ui.internal.runs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

import org.peerlab.experiment.report.ExperimentReport;
import org.peerlab.experiment.results.ResultReader;

/**
 * Exports a finished run to a folder the user picked: the result files (scenario, results JSON,
 * CSV, run info) and the HTML report with its charts, tables, CSV and JSON under {@code report/}.
 * A report missing from the run folder is written again from the results. Never overwrites:
 * the target must not exist or be an empty folder.
 */
public final class RunExport {

    private RunExport() {
    }

    /**
     * @param runFolder    a run folder written by the workbench or {@code peerlab experiment run --out}
     * @param targetFolder where to put the copy: absent or empty
     * @return the exported {@code report.html}
     * @throws FileAlreadyExistsException when {@code targetFolder} exists and is not an empty folder
     * @throws IOException                when the run cannot be read or the copy cannot be written
     */
    public static Path exportRun(Path runFolder, Path targetFolder) throws IOException {
        if (!Files.isDirectory(runFolder)) {
            throw new IOException("no run folder at " + runFolder);
        }
        if (Files.exists(targetFolder)) {
            if (!Files.isDirectory(targetFolder)) {
                throw new FileAlreadyExistsException(targetFolder.toString(), null, "a file is in the way; not overwriting it");
            }
            try (Stream<Path> s = Files.list(targetFolder)) {
                if (s.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(targetFolder.toString(), null, "the folder is not empty; not overwriting its files");
                }
            }
        }
        Path target = targetFolder.toAbsolutePath().normalize();
        Path source = runFolder.toAbsolutePath().normalize();
        if (target.startsWith(source)) {
            throw new IOException("cannot export " + source + " into itself (" + target + ")");
        }
        Files.createDirectories(target);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().endsWith(".tmp")) {
                    Files.copy(file, target.resolve(source.relativize(file).toString()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Path html = target.resolve("report").resolve("report.html");
        if (!Files.isRegularFile(html)) {
            if (!Files.isRegularFile(source.resolve("results.json"))) {
                throw new IOException(source + " has neither a report nor results to write one from");
            }
            html = ExperimentReport.write(ResultReader.read(source), ResultReader.readRunInfo(source), target.resolve("report"));
        }
        return html;
    }
}
