/* fake-output: 2:2: warning: slack write of 8 bytes [slack-write] */
int a; /* expect: slack-write "16 bytes" */
