// Drags a bar of a large plan (500 tasks, 1,000 dependencies) in the Gantt editor and prints
// the time from each mouse move to the repainted chart: the edit, the schedule analysis and
// the paint together.
//   bench_gantt [--runs N] [--screenshot FILE]
// Target: under 16 ms (one frame at 60 Hz) at the median and the 95th percentile.

#include "benchtiming.h"
#include "gantteditor.h"
#include "ganttmodel.h"
#include "gantttreeview.h"
#include "ganttview.h"
#include "theme.h"
#include "tst_ganttplan.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QTest>
#include <QTextStream>
#include <QUndoStack>

#include <algorithm>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Theme::apply(app);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Mouse moves to time (default 200)."),
                                        QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the editor as an image."),
                                        QStringLiteral("FILE"));
    parser.addOptions({runsOption, shotOption});
    parser.process(app);
    QTextStream out(stdout);
    const int runs = qMax(10, parser.value(runsOption).toInt());

    Launch::LaunchPlan plan = GanttTestPlan::large(20, 25);
    // Round the dependencies up to 1,000 with links between phases' first tasks.
    for (int i = 0; plan.dependencies.size() < 1000; ++i)
        plan.dependencies.append({plan.nextDependencyId(), 2 + i * 26, 2 + (i + 1) * 26,
                                  Launch::DependencyType::Approval, QString()});
    int tasks = 0;
    for (const Launch::PlanItem &item : plan.items)
        tasks += item.kind == Launch::ItemKind::Task ? 1 : 0;

    QWidget window;
    GanttModel model;
    QUndoStack undo;
    GanttEditor editor(&model, &undo);
    auto *layout = new QHBoxLayout(&window);
    auto *tree = new GanttTreeView(&window);
    auto *view = new GanttView(&window);
    layout->addWidget(tree);
    layout->addWidget(view, 1);
    model.setPlan(plan);
    tree->setModel(&model);
    tree->setRowHeight(view->rowHeight());
    view->setEditor(&editor);
    view->setTreeView(tree);
    tree->expandAll();
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;

    // A task in the middle of the plan, scrolled into view.
    const int taskId = 2 + 10 * 26 + 5;
    tree->scrollTo(model.indexOfItem(taskId));
    view->scrollToDate(model.plan().item(taskId)->start.addDays(-10));
    QCoreApplication::processEvents();
    QWidget *viewport = view->viewport();
    const QPointF start = view->barRect(taskId).center();
    const double day = view->timeScale().dayWidth();
    QTest::mousePress(viewport, Qt::LeftButton, {}, start.toPoint());
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        // Back and forth over a week, a day per move.
        const int offset = (i % 14) < 7 ? (i % 7) + 1 : 7 - (i % 7) - 1;
        QElapsedTimer timer;
        timer.start();
        QTest::mouseMove(viewport, (start + QPointF(offset * day, 0)).toPoint());
        viewport->repaint();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, start.toPoint());
    std::sort(times.begin(), times.end());
    const double median = times.at(times.size() / 2);
    const double p95 = times.at(qMin(times.size() - 1, qsizetype(times.size() * 95 / 100)));

    // Repaint alone, for comparison.
    const double paintOnly = medianMs(runs, [viewport] {
        viewport->repaint();
        return true;
    });

    out << "Plan: " << tasks << " tasks, " << plan.dependencies.size() << " dependencies, "
        << model.violations().size() << " violated\n";
    out << "Drag step + repaint: median " << QString::number(median, 'f', 2) << " ms, p95 "
        << QString::number(p95, 'f', 2) << " ms over " << runs << " moves (target < 16 ms)\n";
    out << "Repaint only: median " << QString::number(paintOnly, 'f', 2) << " ms\n";
    out << "Undo steps after the drag: " << undo.count() << '\n';
    if (parser.isSet(shotOption))
        window.grab().save(parser.value(shotOption));
    return 0;
}
