/* fake-output: 3:2: warning: slack write [slack-write] */
int a; /* expect: slack-write */
int b; /* expect: slack-write */
