package com.unsubscribesync.cli;

import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.domain.PrintableText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** Prints an import report; bad rows without --skip-invalid make it a usage error (exit 2). */
final class ImportOutput {
    private ImportOutput() {}

    static int print(
            CommandSpec spec, ImportReport report, String what, boolean dryRun, boolean skipInvalid, boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean refused = report.problemCount() > 0 && !skipInvalid;
        if (json) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("rows", report.rows());
            view.put("valid", report.valid());
            view.put("invalid", report.problemCount());
            view.put("added", report.added());
            view.put("unchanged", report.unchanged());
            view.put("written", report.written());
            view.put("dryRun", dryRun);
            view.put("problems", report.problems());
            out.println(Json.write(view));
        } else {
            report.problems().forEach(problem -> out.println(PrintableText.of(problem)));
            if (report.problemCount() > report.problems().size()) {
                out.println("… and "
                        + Wording.count(
                                report.problemCount() - report.problems().size(),
                                "more row with problems",
                                "more rows with problems"));
            }
            if (report.written()) {
                out.println("Imported " + what + ": " + report.added() + " added, " + report.unchanged()
                        + " already known or repeated, " + report.problemCount() + " skipped as invalid.");
            } else if (dryRun) {
                out.println("Dry run: " + Wording.count(report.rows(), "row", "rows") + ", " + report.valid()
                        + " valid, " + report.problemCount() + " invalid; nothing written.");
            }
        }
        if (refused) {
            err.println("error: " + report.problemCount() + " of " + Wording.count(report.rows(), "row", "rows")
                    + (report.problemCount() == 1 ? " is" : " are") + " invalid (listed above); "
                    + "nothing was imported. " + (report.problemCount() == 1 ? "Fix it" : "Fix them")
                    + ", or use --skip-invalid to import the valid rows.");
            return ExitCode.BAD_INPUT;
        }
        if (report.rows() == 0) {
            err.println("error: the file has a header but no rows; nothing was imported.");
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.DONE;
    }
}
