import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MemberListPagination } from '../src/member-list-pagination';

describe('given the pagination of 253 members, 10 a page', () => {
  it('when on the first page, it says "1–10 of 253" and only Next page is enabled', () => {
    render(<MemberListPagination page={1} pageSize={10} totalCount={253} onPageChange={() => {}} />);
    expect(screen.getByText('1–10 of 253')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
  });

  it('when on the last page, it says "251–253 of 253" and Next page is disabled', () => {
    render(<MemberListPagination page={26} pageSize={10} totalCount={253} onPageChange={() => {}} />);
    expect(screen.getByText('251–253 of 253')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveAttribute('data-disabled');
  });

  it('when Next and Previous are clicked, it asks for the neighbouring pages', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    render(<MemberListPagination page={3} pageSize={10} totalCount={253} onPageChange={onPageChange} />);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onPageChange).toHaveBeenLastCalledWith(4);
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(onPageChange).toHaveBeenLastCalledWith(2);
  });

  it('when a page size is chosen, it reports it', async () => {
    const user = userEvent.setup();
    const onPageSizeChange = vi.fn();
    render(
      <MemberListPagination
        page={1}
        pageSize={10}
        totalCount={253}
        onPageChange={() => {}}
        onPageSizeChange={onPageSizeChange}
      />,
    );
    await user.click(screen.getByRole('combobox', { name: 'Rows per page' }));
    await user.click(screen.getByRole('option', { name: '50 per page' }));
    expect(onPageSizeChange).toHaveBeenCalledWith(50);
  });

  it('when the list is empty, it says "0–0 of 0"', () => {
    render(<MemberListPagination page={1} pageSize={10} totalCount={0} onPageChange={() => {}} />);
    expect(screen.getByText('0–0 of 0')).toBeInTheDocument();
  });
});
