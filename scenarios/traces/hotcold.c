/*
 * Tiny workload for a recorded valgrind lackey trace: a 64 KiB "hot" array touched
 * on every pass and a 1 MiB "cold" array of which one page-sized slice is touched
 * every 8th pass, so the trace has a small hot set and a large, rarely used cold set.
 * Build: gcc -O1 -o hotcold hotcold.c
 */
#include <stdio.h>

#define PAGE 4096
#define HOT_BYTES (16 * PAGE)
#define COLD_BYTES (256 * PAGE)
#define PASSES 48

static unsigned char hot[HOT_BYTES];
static unsigned char cold[COLD_BYTES];

int main(void) {
    unsigned long sum = 0;
    for (int pass = 0; pass < PASSES; pass++) {
        /* one touch per 64-byte line of the hot part */
        for (int i = 0; i < HOT_BYTES; i += 64) {
            hot[i] += (unsigned char) pass;
        }
        if (pass % 8 == 0) {
            int slice = (pass / 8) * 37 % (COLD_BYTES / PAGE);
            for (int i = 0; i < PAGE; i += 64) {
                sum += cold[slice * PAGE + i];
            }
        }
    }
    printf("%lu\n", sum + hot[0]);
    return 0;
}
