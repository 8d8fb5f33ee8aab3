/*
 * The guests have no /bin/true, which tests/progs/vfork_exec and exec_thread
 * execute: the QEMU tests copy this one there.  Exits 0, like true(1).
 */
int main(void)
{
	return 0;
}
