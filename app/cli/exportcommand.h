#pragma once

#include "command.h"

#include <QCoreApplication>

#include <memory>

// product-hub export TABLE|REPORT: a workspace table or a report to a CSV or PDF file.
class ExportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;

    // True when these command-line arguments write a PDF, which needs Qt's graphics (fonts,
    // painting) and so a QGuiApplication.
    static bool needsGraphics(const QStringList &arguments);
};

// The application object for the command line: a QGuiApplication on the offscreen
// platform (no display needed) when the arguments ask for a PDF, else a QCoreApplication.
std::unique_ptr<QCoreApplication> makeCommandLineApplication(int &argc, char **argv);
