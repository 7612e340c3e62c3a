/* main.c - ksizecheck command line (placeholder until the driver lands). */
#include <stdio.h>

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "ksizecheck: no command implemented yet\n");
	return 2;
}
