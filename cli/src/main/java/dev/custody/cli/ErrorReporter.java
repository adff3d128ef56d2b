package dev.custody.cli;

import dev.custody.CustodyException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a failed command's error code and message (never a stack trace of a known error). */
public final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof CustodyException custody) {
            commandLine.getErr().println("custody: " + custody.code() + ": " + custody.getMessage());
            return ExitCodes.of(custody.code());
        }
        if (e instanceof java.io.IOException io) {
            commandLine.getErr().println("custody: cannot read or write a file: " + io.getMessage());
            return ExitCodes.of(dev.custody.ErrorCode.INVALID_INPUT);
        }
        commandLine.getErr().println("custody: unexpected " + e.getClass().getName());
        e.printStackTrace(commandLine.getErr());
        return 70;
    }
}
