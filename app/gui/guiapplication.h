#pragma once

// Runs the window: parses the window's own options, applies the theme, opens the workspace.
int runGuiApplication(int &argc, char **argv);
