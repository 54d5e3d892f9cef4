# The Feedback inbox page: its widget tests.
hub_add_test(tst_feedbackpage SOURCES ui/tst_feedbackpage.cpp ui/demoworkspace.cpp ui/demoworkspace.h LIBS hub_ui TIMEOUT 300)
