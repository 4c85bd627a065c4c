# Precompiled headers: the Qt and standard headers most files include, parsed once per build
# instead of once per file. Compiling took 85% of a CI build (2 cores, ASan, debug info), and
# most of a file's compile is Qt's headers: a GUI test file took 14 s alone, 9 s with them
# precompiled (docs/TESTING.md, "Build time").
#
# Two precompiled headers, each made once by a target of its own and reused by the others
# (REUSE_FROM): `core` (Qt Core and the standard library) for the backend, the models and the
# command line, which must not see a widget; `widgets` (core and Qt Widgets) for the window and
# the GUI tests. They hold no QtTest header: qtest.h tests QT_WIDGETS_LIB and the like, which
# differ from one test to the next, and a header made under other macros is refused. Every
# target compiles with the same flags (-fPIC for Qt, the sanitizers, -std), and -Winvalid-pch
# with -Werror fails a build where one would not fit instead of quietly compiling without it.
#
# GCC only: the fuzzers' clang build (scripts/fuzz.sh) compiles without them, and so checks that
# every file includes what it uses.
option(TOKENDESK_PCH "Precompile the common Qt and standard headers (GCC)" ON)

set(TOKENDESK_PCH_CORE
    <algorithm> <atomic> <functional> <memory> <mutex> <optional> <vector>
    <QByteArray> <QCoreApplication> <QDateTime> <QDir> <QElapsedTimer> <QFile> <QFileInfo>
    <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QList> <QMap> <QObject> <QPointer>
    <QProcess> <QRegularExpression> <QSet> <QString> <QStringList> <QTemporaryDir> <QTextStream>
    <QThread> <QTimer> <QVariant>)
set(TOKENDESK_PCH_WIDGETS ${TOKENDESK_PCH_CORE}
    <QAction> <QApplication> <QCheckBox> <QComboBox> <QDialog> <QDialogButtonBox> <QHBoxLayout>
    <QHeaderView> <QIcon> <QLabel> <QLineEdit> <QMessageBox> <QPushButton> <QStackedWidget>
    <QTreeView> <QVBoxLayout> <QWidget>)

if(TOKENDESK_PCH AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/pch/empty.cpp CONTENT "// The precompiled headers' own target.\n")
    foreach(flavour core widgets)
        add_library(tokendesk_pch_${flavour} OBJECT ${CMAKE_BINARY_DIR}/pch/empty.cpp)
        set_target_properties(tokendesk_pch_${flavour} PROPERTIES AUTOMOC OFF)
        string(TOUPPER ${flavour} list)
        target_precompile_headers(tokendesk_pch_${flavour} PRIVATE ${TOKENDESK_PCH_${list}})
    endforeach()
    target_link_libraries(tokendesk_pch_core PRIVATE Qt6::Core)
    target_link_libraries(tokendesk_pch_widgets PRIVATE Qt6::Widgets)
endif()

# tokendesk_precompile(TARGET core|widgets): TARGET's files start from that precompiled header.
function(tokendesk_precompile target flavour)
    if(NOT flavour MATCHES "^(core|widgets)$")
        message(FATAL_ERROR "tokendesk_precompile: ${flavour} is neither core nor widgets")
    endif()
    if(TARGET tokendesk_pch_${flavour})
        target_precompile_headers(${target} REUSE_FROM tokendesk_pch_${flavour})
    endif()
endfunction()
