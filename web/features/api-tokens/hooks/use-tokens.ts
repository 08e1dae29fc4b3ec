import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTokenBody } from '../../../app/api-types';
import { createToken, listTokens, revokeToken, tokenKeys } from '../api/tokens-api';

export function useTokens() {
  return useQuery({ queryKey: tokenKeys.all, queryFn: ({ signal }) => listTokens(signal), select: (d) => d.items });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) => createToken(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => revokeToken(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
