# The Feedback inbox page: its widget tests.
hub_add_test(tst_feedbackpage SOURCES ui/tst_feedbackpage.cpp LIBS hub_ui TIMEOUT 300)
