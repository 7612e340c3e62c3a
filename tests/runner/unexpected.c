/* fake-output: 3:2: warning: slack write [slack-write] */
int a;
int b;
