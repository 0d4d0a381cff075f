package cn.hetu.security;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    boolean existsByUsernameIgnoreCase(String username);

}
