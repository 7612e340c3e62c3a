/* fake-output: 4:2: warning: slack write of 8 bytes [slack-write] */
/* fake-output: 5:2: error: overflow [overflow-write] */
/* fake-output: 5:9: warning: other [ksize-interior] */
int a; /* expect: slack-write "8 bytes" */
int b; /* expect: overflow-write, ksize-interior */
int c;
