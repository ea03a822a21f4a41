package com.unsubscribesync.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = RootCommand.class.getPackage().getImplementationVersion();
        return new String[] {"unsubscribe-sync " + (version == null ? "development build" : version)};
    }
}
