"""Our own code for the Oscar test store: the forked shipping app and a no-op thumbnailer."""
